# kempt_flags.m4 - compiler flag checks for kempt.
#
# KEMPT_ADD_CFLAGS(VAR, FLAGS): append to VAR each of FLAGS that the C
# compiler accepts (with -Werror, so that a flag it only warns about is
# left out).
AC_DEFUN([KEMPT_ADD_CFLAGS], [
  AC_LANG_PUSH([C])
  for kempt_flag in $2; do
    AC_MSG_CHECKING([whether $CC accepts $kempt_flag])
    kempt_save_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -Werror $kempt_flag"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
      [AC_MSG_RESULT([yes]); $1="$$1 $kempt_flag"],
      [AC_MSG_RESULT([no])])
    CFLAGS=$kempt_save_CFLAGS
  done
  AC_LANG_POP([C])
])

# KEMPT_CHECK_PTHREAD: find how to link POSIX threads (sets PTHREAD_LIBS).
AC_DEFUN([KEMPT_CHECK_PTHREAD], [
  AC_SEARCH_LIBS([pthread_create], [pthread], [],
    [AC_MSG_ERROR([POSIX threads are needed])])
])
