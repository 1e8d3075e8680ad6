/* Mock of <dbus/dbus.h> (libdbus 1.14 names and signatures). */
#ifndef FORKSAFE_MOCK_DBUS_H
#define FORKSAFE_MOCK_DBUS_H
#include <stdint.h>
typedef uint32_t dbus_bool_t;
typedef uint32_t dbus_uint32_t;
typedef struct DBusConnection DBusConnection;
typedef struct DBusMessage DBusMessage;
typedef struct DBusError {
  const char *name;
  const char *message;
  unsigned int dummy : 1;
  void *padding1;
} DBusError;
typedef enum {
  DBUS_BUS_SESSION,
  DBUS_BUS_SYSTEM,
  DBUS_BUS_STARTER
} DBusBusType;
void dbus_error_init(DBusError *error);
DBusConnection *dbus_bus_get(DBusBusType type, DBusError *error);
DBusConnection *dbus_bus_get_private(DBusBusType type, DBusError *error);
DBusMessage *dbus_message_new_signal(const char *path, const char *iface,
                                     const char *name);
dbus_bool_t dbus_connection_send(DBusConnection *connection,
                                 DBusMessage *message,
                                 dbus_uint32_t *client_serial);
void dbus_connection_flush(DBusConnection *connection);
void dbus_message_unref(DBusMessage *message);
void dbus_connection_close(DBusConnection *connection);
void dbus_connection_unref(DBusConnection *connection);
#endif
