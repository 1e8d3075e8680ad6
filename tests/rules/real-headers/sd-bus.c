// Against the real <systemd/sd-bus.h> (libsystemd-dev, systemd 252). A bus
// opened before fork: sd-bus refuses it in the child (every call returns
// -ECHILD), so the child's method call silently fails. The fix opens a bus
// of its own in the child.
// REQUIRES: sd-bus-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <systemd/sd-bus.h>
#include <unistd.h>

sd_bus *bus;
// CHECK: sd-bus.c:[[#@LINE-1]]:9: warning: 'bus' (sd-bus (libsystemd)) is open when the process forks with fork() and is used in the child process; the handle belongs to the process that opened it
// CHECK: note: 'bus' created here by sd_bus_open_system()
// CHECK: note: 'bus' used here in the child process by sd_bus_get_property_string()

int main(void) {
  sd_bus_error error = SD_BUS_ERROR_NULL;
  char *state = NULL;
#ifndef FIXED
  sd_bus_open_system(&bus);
#endif
  if (fork() == 0) {
#ifdef FIXED
    sd_bus_open_system(&bus);
#endif
    sd_bus_get_property_string(bus, "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                               "org.freedesktop.systemd1.Manager", "SystemState",
                               &error, &state);
    sd_bus_error_free(&error);
    sd_bus_flush_close_unref(bus);
    _exit(0);
  }
  sd_bus_unref(bus);
  return 0;
}
