// Against the real <librdkafka/rdkafka.h> (librdkafka-dev).
// REQUIRES: librdkafka-headers
// RUN: %expect_exit 1 %forksafe %s -- | FileCheck %s
// RUN: %expect_exit 0 %forksafe %s -- -DFIXED | count 0
#include <librdkafka/rdkafka.h>
#include <unistd.h>

rd_kafka_t *rk;
// CHECK: librdkafka.c:[[#@LINE-1]]:13: warning: 'rk' (librdkafka) is live when the process forks
rd_kafka_topic_t *topic;
// CHECK: note: 'rk' created here by rd_kafka_new()
// CHECK: note: 'rk' used here in the child process by rd_kafka_poll()
// CHECK: librdkafka.c:[[#@LINE-3]]:19: warning: 'topic' (librdkafka) is live when the process forks
// CHECK: note: 'topic' created here by rd_kafka_topic_new()
// CHECK: note: 'topic' used here in the child process by rd_kafka_produce()

int main(void) {
  char errstr[512];
#ifndef FIXED
  rk = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
  topic = rd_kafka_topic_new(rk, "events", NULL);
#endif
  if (fork() == 0) {
#ifdef FIXED
    rk = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
    topic = rd_kafka_topic_new(rk, "events", NULL);
#endif
    rd_kafka_poll(rk, 0);
    rd_kafka_produce(topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, "x", 1, NULL, 0, NULL);
    _exit(0);
  }
  rd_kafka_topic_destroy(topic);
  rd_kafka_destroy(rk);
  return 0;
}
