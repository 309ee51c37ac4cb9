"""Every option of `gradlint --help` is in the man page and the completion.

  options_covered.py <help text> <rendered man page> <completion script>

Prints one line per option missing from either, then a summary line.
"""
import re
import subprocess
import sys

help_text, man_text, completion = sys.argv[1:4]
lines = open(help_text).read().split("\n")
options = []
section = None
for line in lines:
    if line.endswith(":") and not line.startswith(" "):
        section = line
        continue
    if section == "OPTIONS:" and line.startswith("  -"):
        synopsis = re.split(r"\s{2,}", line.strip())[0]
        for spelling in synopsis.split(", "):
            options.append(re.match(r"-[-\w]*", spelling).group(0))

# groff may render '-' as a Unicode hyphen or minus sign.
man = open(man_text).read()
for dash in "\u2010\u2011\u2212":
    man = man.replace(dash, "-")
man_words = set(re.findall(r"(?<![\w-])-[-\w]+", man))

words = subprocess.run(
    ["bash", "-c", 'source "$1"; COMP_WORDS=(gradlint -); COMP_CWORD=1; '
     '_gradlint; printf "%s\\n" "${COMPREPLY[@]}"', "bash", completion],
    capture_output=True, text=True, check=True).stdout.split()
completed = {w.rstrip("=") for w in words}

missing = 0
for o in options:
    if o not in man_words:
        print("not in the man page:", o)
        missing += 1
    if o not in completed:
        print("not in the completion:", o)
        missing += 1
print("%d options of --help, %d missing" % (len(options), missing))
