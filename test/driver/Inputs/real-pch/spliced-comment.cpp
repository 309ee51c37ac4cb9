// The backslash at the end of this line splices the next one into this comment: \
#include <torch/all.h>
int answer() { return 42; }
