typedef struct demo_conn demo_conn;
demo_conn *demo_connect(const char *where);
int demo_send(demo_conn *c, const char *msg);
int fork(void);
void _exit(int);

demo_conn *link_to_broker;

int main(void) {
  link_to_broker = demo_connect("broker:7000");
  if (fork() == 0) {
    demo_send(link_to_broker, "hello from the child");
    _exit(0);
  }
  return 0;
}
