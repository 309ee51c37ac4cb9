#include "lint/driver/Driver.h"
namespace gradlint::lint {
int runMain(int Argc, const char **Argv) { return 0; }
}
