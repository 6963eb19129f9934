#!/bin/sh
# gen-wet.sh FIRST COUNT: COUNT invented WET conversion records numbered
# from FIRST on stdout (CRLF headers, LF text, Content-Length exact), each
# with some damage for kempt to clean (spaces, CRLF, blank lines).
awk -v first="$1" -v count="$2" 'BEGIN {
  for (i = first; i < first + count; i++) {
    block = sprintf("  Record %d: a title  \r\n\r\n\r\nThe text of record %d " \
                    "says something.   \r\nA second line.\n", i, i)
    printf "WARC/1.0\r\nWARC-Type: conversion\r\n"
    printf "WARC-Target-URI: https://example.com/page/%d\r\n", i
    printf "WARC-Date: 2024-05-18T01:58:10Z\r\n"
    printf "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", i
    printf "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n"
    printf "Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n", length(block)
    printf "%s\r\n\r\n", block
  }
}'
