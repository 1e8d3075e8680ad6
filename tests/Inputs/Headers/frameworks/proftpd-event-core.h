/* Mock of ProFTPD 1.3's event registry (src/event.c of ProFTPD 1.3.8,
 * simplified): handlers kept by event name, run by name. Bodies, not only
 * declarations: the tests that include it analyse the core's dispatch
 * loop together with a module, as a whole-program run of proftpd does. */
#ifndef FORKSAFE_MOCK_PROFTPD_EVENT_CORE_H
#define FORKSAFE_MOCK_PROFTPD_EVENT_CORE_H
#include <stdlib.h>
#include <string.h>

typedef void (*pr_event_cb_t)(const void *, void *);
struct event_handler {
  struct event_handler *next;
  const char *event;
  pr_event_cb_t cb;
};
static struct event_handler *handlers;

int pr_event_register(void *m, const char *event, pr_event_cb_t cb,
                      void *user_data) {
  struct event_handler *h = malloc(sizeof *h);
  h->event = event;
  h->cb = cb;
  h->next = handlers;
  handlers = h;
  return 0;
}

void pr_event_generate(const char *event, const void *event_data) {
  for (struct event_handler *h = handlers; h; h = h->next)
    if (strcmp(h->event, event) == 0)
      h->cb(event_data, NULL);
}
#endif
