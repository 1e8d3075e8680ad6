// Handles created by their dynamic initialisers and used in a forked child,
// but each spelled in a way a textual rewrite could get wrong: forksafe
// reports them and offers no fix-it.
#include <hiredis.h>
#include <unistd.h>

void keep(redisContext **where);

redisContext *by_address = redisConnect("127.0.0.1", 6379); // '&by_address'
redisContext *in_macro = redisConnect("127.0.0.1", 6379);   // a macro names it
#define CACHE in_macro
redisContext *typed = redisConnect("127.0.0.1", 6379);      // decltype(typed)
redisContext *late = nullptr;                               // connected in main
redisContext *pair_a = redisConnect("127.0.0.1", 6379), *pair_b = nullptr;
redisContext *const fixed = redisConnect("127.0.0.1", 6379); // const

int main() {
  keep(&by_address);
  late = redisConnect("127.0.0.1", 6379);
  if (fork() == 0) {
    redisCommand(by_address, "PING");
    redisCommand(CACHE, "PING");
    decltype(typed) other = typed;
    redisCommand(other, "PING");
    redisCommand(late, "PING");
    redisCommand(pair_a, "PING");
    redisCommand(fixed, "PING");
    _exit(0);
  }
  return 0;
}
