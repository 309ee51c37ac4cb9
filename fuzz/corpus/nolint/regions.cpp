// NOLINTBEGIN(gradlint-*)
int a; // NOLINT(gradlint-tiny-*, -x)
// NOLINTNEXTLINE
int b;
// NOLINTEND(gradlint-*)
// NOLINTEND
// NOLINTBEGIN(*rate*)
// NOLINT(
