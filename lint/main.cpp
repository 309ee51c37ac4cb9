//===- lint/main.cpp - The gradlint command -------------------------------===//

#include "lint/driver/Driver.h"

int main(int Argc, const char **Argv) {
  return gradlint::lint::runMain(Argc, Argv);
}
