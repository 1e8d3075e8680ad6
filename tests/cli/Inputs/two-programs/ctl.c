// A control tool built from the same tree: its own program, its own main.
#include <stdio.h>
int main(void) {
  puts("status");
  return 0;
}
