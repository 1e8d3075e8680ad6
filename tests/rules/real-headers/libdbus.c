// Against the real <dbus/dbus.h> (libdbus-1-dev, libdbus 1.14). A shared
// bus connection kept in a global before fork: the child calls a method on
// it and waits for the reply on the parent's socket. The fix connects a
// private connection in the child (dbus_bus_get() there would hand back the
// parent's shared connection).
// REQUIRES: dbus-headers
// RUN: %expect_exit 1 %forksafe %s -- -I/usr/include/dbus-1.0 -I/usr/lib/x86_64-linux-gnu/dbus-1.0/include | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -I/usr/include/dbus-1.0 -I/usr/lib/x86_64-linux-gnu/dbus-1.0/include -DFIXED | count 0
#include <dbus/dbus.h>
#include <unistd.h>

DBusConnection *system_bus;
// CHECK: libdbus.c:[[#@LINE-1]]:17: warning: 'system_bus' (D-Bus (libdbus)) is connected when the process forks
// CHECK: note: 'system_bus' created here by dbus_bus_get()
// CHECK: note: 'system_bus' used here in the child process by dbus_connection_send_with_reply_and_block()

int main(void) {
  DBusError err;
  DBusMessage *call, *reply;
  dbus_error_init(&err);
#ifndef FIXED
  system_bus = dbus_bus_get(DBUS_BUS_SYSTEM, &err);
#endif
  if (fork() == 0) {
#ifdef FIXED
    system_bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &err);
#endif
    call = dbus_message_new_method_call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                        "org.freedesktop.DBus", "ListNames");
    reply = dbus_connection_send_with_reply_and_block(system_bus, call, -1, &err);
    dbus_message_unref(call);
    if (reply)
      dbus_message_unref(reply);
    _exit(0);
  }
  return 0;
}
