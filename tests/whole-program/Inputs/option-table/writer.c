#include "options.h"
#include <string.h>
/* Another TU writes the field through a pointer to an element. */
void config_undeprecate(const char *name) {
  for (struct imapopt_s *o = imapopts; o->optname; o++)
    if (!strcmp(o->optname, name))
      o->deprecated_since = 0;
}
