/* Framing of the vpcd protocol over a TCP socket. */
#include "cardio/sim/vpcd.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int
vpcd_connect(const char *host, int port)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res, *ai;
	char service[16];
	int fd = -1;

	snprintf(service, sizeof service, "%d", port);
	if (getaddrinfo(host, service, &hints, &res) != 0)
		return -1;
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd >= 0) {
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	}
	return fd;
}

/* Reads exactly n bytes; 1 done, 0 closed, -1 error. */
static int
read_full(int fd, uint8_t *p, size_t n)
{
	while (n > 0) {
		ssize_t r = read(fd, p, n);
		if (r == 0)
			return 0;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 1;
}

long
vpcd_recv(int fd, uint8_t *buf, size_t cap, volatile const int *stop)
{
	uint8_t hdr[2];

	/* Wait in short slices so a SIGTERM is noticed between messages. */
	for (;;) {
		if (*stop)
			return -2;
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int r = poll(&pfd, 1, 200);
		if (r > 0)
			break;
		if (r < 0 && errno != EINTR)
			return -1;
	}
	int r = read_full(fd, hdr, 2);
	if (r <= 0)
		return r;
	size_t len = (size_t)hdr[0] << 8 | hdr[1];
	if (len > cap)
		return -1;
	r = read_full(fd, buf, len);
	if (r <= 0)
		return r < 0 ? -1 : 0;
	return (long)len;
}

int
vpcd_send(int fd, const uint8_t *buf, size_t len)
{
	uint8_t hdr[2] = {(uint8_t)(len >> 8), (uint8_t)len};
	uint8_t out[2 + 65535];

	if (len > 65535)
		return -1;
	memcpy(out, hdr, 2);
	memcpy(out + 2, buf, len);
	size_t n = len + 2, off = 0;
	while (off < n) {
		ssize_t w = send(fd, out + off, n - off, MSG_NOSIGNAL);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}
