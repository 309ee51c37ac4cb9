// Nothing to lint: no model, no optimizer.
int answer() { return 42; }
