#!/usr/bin/env bash
# Calls the completion function as bash would for a few command lines:
#   complete.sh <completion script> <folder to complete in>
# Prints "[words] replies" per line.
source "$1"
cd "$2/.."
t() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  _gradlint
  echo "[$*] ${COMPREPLY[*]}"
}
t gradlint --fo
t gradlint --format=s
t gradlint --format = s
t gradlint --fail-on =
t gradlint --header-mode=b
t gradlint -p Inp
t gradlint -j ""
t gradlint pro
t gradlint a.cpp -- -st
