/*
 * The floor for setsockopt(SO_KEEPALIVE): a C loop on an established loopback TCP connection
 * (the same kind of socket the Node paths set the option on; on a connected socket the kernel also
 * re-arms the keepalive timer). Usage: setsockopt-loop ITERATIONS. Prints nanoseconds per call.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) {
  perror(what);
  exit(1);
}

/* A connected client socket on 127.0.0.1; the listener and the accepted end stay open. */
static int connected_socket(void) {
  struct sockaddr_in address = {0};
  socklen_t length = sizeof address;
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0) die("socket");
  if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0) die("bind");
  if (listen(listener, 1) != 0) die("listen");
  if (getsockname(listener, (struct sockaddr *)&address, &length) != 0) die("getsockname");
  int client = socket(AF_INET, SOCK_STREAM, 0);
  if (client < 0) die("socket");
  if (connect(client, (struct sockaddr *)&address, sizeof address) != 0) die("connect");
  if (accept(listener, NULL, NULL) < 0) die("accept");
  return client;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 1000000;
  if (iterations <= 0) iterations = 1;
  int fd = connected_socket();
  int one = 1;
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (long i = 0; i < iterations; i++) {
    if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one) != 0) die("setsockopt");
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double ns = (end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec);
  printf("%.1f\n", ns / (double)iterations);
  return 0;
}
