/* The vpcd wire protocol (vsmartcard): 2-byte big-endian length, then the
 * payload, both ways. The card side is a TCP client. */
#ifndef YORISOI_CARDSIM_VPCD_H
#define YORISOI_CARDSIM_VPCD_H

#include <stddef.h>
#include <stdint.h>

/* Connects to host:port; returns the socket or -1. */
int vpcd_connect(const char *host, int port);
/* Receives one message into buf (up to cap bytes). Returns its length,
 * 0 on a clean close, -1 on error, -2 when *stop became set while idle. */
long vpcd_recv(int fd, uint8_t *buf, size_t cap, volatile const int *stop);
/* Sends one message; 0 or -1. */
int vpcd_send(int fd, const uint8_t *buf, size_t len);

#endif
