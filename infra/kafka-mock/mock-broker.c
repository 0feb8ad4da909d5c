/*
 * A Kafka-protocol test broker: librdkafka's mock cluster in a small process, so tests and the
 * events benchmark talk to a real wire protocol without a JVM.
 *
 *   mock-broker [-b BROKERS] TOPIC:PARTITIONS...
 *
 * Prints the bootstrap servers ("127.0.0.1:PORT,...") as one line on stdout, then reads commands,
 * one per line, on stdin and answers each with one line ("ok <command>" or "error <why>"):
 *   down   every broker drops its connections and refuses new ones (an outage; topics, messages
 *          and committed offsets stay, and the ports stay the same)
 *   up     brokers accept connections again
 * Exits on SIGTERM/SIGINT or when stdin closes, so a test runner that dies takes it along.
 *
 * What the mock does not serve (librdkafka 2.12.0, built by build.sh): CreateTopics (so topics are created here),
 * DescribeGroups, the idempotent and transactional producer as kafkajs speaks them.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static volatile sig_atomic_t stopping = 0;

static void on_signal(int sig) {
        (void)sig;
        stopping = 1;
}

static void usage(void) {
        fprintf(stderr, "usage: mock-broker [-b BROKERS] TOPIC:PARTITIONS...\n");
        exit(2);
}

/* Creates "name:partitions"; replication factor 1 because a test needs no replicas. */
static void create_topic(rd_kafka_mock_cluster_t *mcluster, const char *spec) {
        char name[256];
        const char *colon = strrchr(spec, ':');
        int partitions = 1;
        size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
        if (len == 0 || len >= sizeof(name)) usage();
        memcpy(name, spec, len);
        name[len] = '\0';
        if (colon) {
                char *end;
                long n = strtol(colon + 1, &end, 10);
                if (*end != '\0' || n < 1 || n > 1000) usage();
                partitions = (int)n;
        }
        rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mcluster, name, partitions, 1);
        if (err) {
                fprintf(stderr, "mock-broker: cannot create topic %s: %s\n", name, rd_kafka_err2str(err));
                exit(1);
        }
}

/* Runs one stdin command; the answer lets the caller wait until the outage really began or ended. */
static void run_command(rd_kafka_mock_cluster_t *mcluster, char *line) {
        line[strcspn(line, "\r\n")] = '\0';
        rd_kafka_resp_err_t err;
        if (strcmp(line, "down") == 0) {
                err = rd_kafka_mock_broker_set_down(mcluster, -1);
        } else if (strcmp(line, "up") == 0) {
                err = rd_kafka_mock_broker_set_up(mcluster, -1);
        } else if (line[0] == '\0') {
                return;
        } else {
                printf("error unknown command %s\n", line);
                fflush(stdout);
                return;
        }
        if (err) printf("error %s: %s\n", line, rd_kafka_err2str(err));
        else printf("ok %s\n", line);
        fflush(stdout);
}

int main(int argc, char **argv) {
        int brokers = 1;
        int opt;
        while ((opt = getopt(argc, argv, "b:")) != -1) {
                if (opt != 'b') usage();
                brokers = atoi(optarg);
                if (brokers < 1 || brokers > 9) usage();
        }
        if (optind >= argc) usage();

        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGINT, &sa, NULL);
        signal(SIGPIPE, SIG_IGN);

        /* The mock cluster needs an rd_kafka_t for its bookkeeping; this one never produces. */
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "mock-broker: %s\n", errstr);
                return 1;
        }
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "mock-broker: %s\n", errstr);
                return 1;
        }
        /* The mock listens on 127.0.0.1 only (librdkafka binds its mock brokers to loopback). */
        rd_kafka_mock_cluster_t *mcluster = rd_kafka_mock_cluster_new(rk, brokers);
        if (!mcluster) {
                fprintf(stderr, "mock-broker: cannot create the mock cluster\n");
                return 1;
        }
        for (int i = optind; i < argc; i++) create_topic(mcluster, argv[i]);

        printf("%s\n", rd_kafka_mock_cluster_bootstraps(mcluster));
        fflush(stdout);

        char line[256];
        size_t used = 0;
        while (!stopping) {
                struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
                int ready = poll(&pfd, 1, 200);
                if (ready < 0) {
                        if (errno == EINTR) continue;
                        break;
                }
                if (ready == 0) continue;
                ssize_t n = read(STDIN_FILENO, line + used, sizeof(line) - 1 - used);
                if (n <= 0) break; /* stdin closed: whoever started us is gone */
                used += (size_t)n;
                line[used] = '\0';
                char *newline;
                while ((newline = strchr(line, '\n')) != NULL) {
                        *newline = '\0';
                        run_command(mcluster, line);
                        size_t rest = used - (size_t)(newline + 1 - line);
                        memmove(line, newline + 1, rest + 1);
                        used = rest;
                }
                if (used == sizeof(line) - 1) used = 0; /* an over-long line is garbage: drop it */
        }

        rd_kafka_mock_cluster_destroy(mcluster);
        rd_kafka_destroy(rk);
        return 0;
}
