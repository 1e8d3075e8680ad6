/* A TU that plays no part in the finding. */
int unrelated(int x) { return x * 2; }
