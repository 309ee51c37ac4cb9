int x; // NOLINT(***********x, gradlint-*)
// NOLINT(NOLINT(NOLINTBEGIN(a)
