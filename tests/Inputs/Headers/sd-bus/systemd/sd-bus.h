/* Mock of <systemd/sd-bus.h> (libsystemd 252 names and signatures). */
#ifndef FORKSAFE_MOCK_SD_BUS_H
#define FORKSAFE_MOCK_SD_BUS_H
typedef struct sd_bus sd_bus;
typedef struct sd_bus_message sd_bus_message;
typedef struct sd_bus_error {
  const char *name;
  const char *message;
  int _need_free;
} sd_bus_error;
#define SD_BUS_ERROR_NULL ((const sd_bus_error){0, 0, 0})
int sd_bus_open_system(sd_bus **ret);
int sd_bus_default_system(sd_bus **ret);
int sd_bus_call_method(sd_bus *bus, const char *destination,
                       const char *path, const char *interface,
                       const char *member, sd_bus_error *ret_error,
                       sd_bus_message **reply, const char *types, ...);
sd_bus_message *sd_bus_message_unref(sd_bus_message *m);
sd_bus *sd_bus_flush_close_unref(sd_bus *bus);
sd_bus *sd_bus_unref(sd_bus *bus);
#endif
