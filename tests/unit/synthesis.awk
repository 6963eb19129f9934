# synthesis.awk: sum the Criterion "Synthesis" lines of the unit-test logs
# into one line for make check's output.
/Synthesis: Tested:/ {
  for (i = 1; i <= NF; i++) {
    if ($i == "Tested:") t += $(i + 1)
    if ($i == "Passing:") p += $(i + 1)
    if ($i == "Failing:") f += $(i + 1)
    if ($i == "Crashing:") c += $(i + 1)
  }
  n++
}
END {
  if (n) printf "Unit tests (%d programs) Synthesis: Tested: %d | Passing: %d | Failing: %d | Crashing: %d\n", n, t, p, f, c
}
