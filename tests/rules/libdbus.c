// D-Bus (libdbus): a private bus connection opened before fork; the child
// sends a signal on it, so parent and child write one socket whose unique
// name, serials and credentials belong to the parent. The fix drops the
// inherited connection (closing it only closes the socket) and connects in
// the child.
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/dbus | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/dbus -DFIXED | count 0
#include <dbus/dbus.h>
#include <unistd.h>

static DBusConnection *bus;
// CHECK: libdbus.c:[[#DEF:@LINE-1]]:24: warning: 'bus' (D-Bus (libdbus)) is connected when the process forks with fork() and is used in the child process; parent and child share one connection [forksafe-inherited-handle]

static void notify(const char *what);

int main(void) {
  DBusError err;
  dbus_error_init(&err);
  bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &err);
  // CHECK: libdbus.c:[[#@LINE-1]]:9: note: 'bus' created here by dbus_bus_get_private()
  if (fork() == 0) {
    // CHECK: libdbus.c:[[#@LINE-1]]:7: note: fork() forks here; the child inherits 'bus'
#ifdef FIXED
    dbus_connection_close(bus);
    dbus_connection_unref(bus);
    bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &err);
#endif
    notify("Started");
    // CHECK: libdbus.c:[[#@LINE-1]]:5: note: 'notify' called from here in the child process
    _exit(0);
  }
  notify("Forked");
  return 0;
}

static void notify(const char *what) {
  DBusMessage *m = dbus_message_new_signal("/org/example/Jobs", "org.example.Jobs", what);
  dbus_connection_send(bus, m, NULL);
  // CHECK: libdbus.c:[[#@LINE-1]]:3: note: 'bus' used here in the child process by dbus_connection_send()
  dbus_connection_flush(bus);
  dbus_message_unref(m);
}
// CHECK: libdbus.c:[[#DEF]]:24: note: connect to the bus in each process after fork() with dbus_bus_get_private() (dbus_bus_get() in a child hands back the parent's shared connection); in a child, drop an inherited connection without using it
