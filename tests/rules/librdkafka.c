// librdkafka: rd_kafka_new starts internal threads; a producer made before
// fork is dead in the child (and rd_kafka_destroy there hangs).
// RUN: %expect_exit 1 %forksafe %s -- -I%mocks/librdkafka | FileCheck %s --implicit-check-not="{{warning|note}}:"
// RUN: %expect_exit 0 %forksafe %s -- -I%mocks/librdkafka -DFIXED | count 0
#include <librdkafka/rdkafka.h>
#include <unistd.h>

static rd_kafka_t *producer;
// CHECK: librdkafka.c:[[#DEF:@LINE-1]]:20: warning: 'producer' (librdkafka) is live when the process forks with fork() and is used in the child process; its background threads do not exist in the child [forksafe-inherited-handle]

static void report(const char *msg);

int main(void) {
  char errstr[512];
#ifndef FIXED
  producer = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
  // CHECK: librdkafka.c:[[#@LINE-1]]:14: note: 'producer' created here by rd_kafka_new()
#endif
  for (int i = 0; i < 4; ++i) {
    if (fork() == 0) {
      // CHECK: librdkafka.c:[[#@LINE-1]]:9: note: fork() forks here; the child inherits 'producer'
#ifdef FIXED
      producer = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
#endif
      report("worker up");
      // CHECK: librdkafka.c:[[#@LINE-1]]:7: note: 'report' called from here in the child process
      _exit(0);
    }
  }
  return 0;
}

static void report(const char *msg) {
  rd_kafka_topic_t *topic = rd_kafka_topic_new(producer, "events", NULL);
  // CHECK: librdkafka.c:[[#@LINE-1]]:29: note: 'producer' used here in the child process by rd_kafka_topic_new()
  rd_kafka_produce(topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, (void *)msg, 9, NULL, 0, NULL);
  rd_kafka_flush(producer, 1000);
}
// CHECK: librdkafka.c:[[#DEF]]:20: note: create the rd_kafka_t (and its topics) in each process after fork(); in a child, never destroy an inherited handle (rd_kafka_destroy hangs): leave it and exit with _exit()
