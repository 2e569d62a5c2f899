/*
 * The QR symbol: the whole payload text as one segment at ECC level M, in
 * the smallest version that holds it (libqrencode picks it when asked for
 * version 0): numeric mode for a digits-only payload, alphanumeric mode
 * otherwise.
 */
#include "handoff/internal.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

static int
is_alnum_qr(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c && strchr(" $%*+-./:", c));
}

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

handoff_status
handoff_qr_make_any(const char *text, handoff_qr **out, handoff_error *err)
{
	return handoff_qr_make(text, out, err);
}

handoff_status
handoff_qr_make(const char *text, handoff_qr **out, handoff_error *err)
{
	QRinput *in = NULL;
	QRcode *code = NULL;
	handoff_status st = HANDOFF_OK;
	size_t n = text ? strlen(text) : 0;
	int digits = n > 0 && all_digits(text, n);

	*out = NULL;
	if (n == 0)
		return handoff_fail(err, HANDOFF_ERR_ENCODING, "empty text");
	for (size_t i = 0; i < n; i++)
		if (!is_alnum_qr((unsigned char)text[i]))
			return handoff_fail(err, HANDOFF_ERR_ENCODING,
			                    "character %zu is not in the QR alphanumeric set", i);
	if (n > handoff_capacity(40, digits ? HANDOFF_ARMOUR_DIGITS : HANDOFF_ARMOUR_BASE45))
		return handoff_fail(err, HANDOFF_ERR_TOO_LARGE,
		                    "%zu characters do not fit one QR code", n);
	in = QRinput_new2(0, QR_ECLEVEL_M);
	if (!in)
		abort();
	if (QRinput_append(in, digits ? QR_MODE_NUM : QR_MODE_AN, (int)n,
	                   (const unsigned char *)text) != 0) {
		st = handoff_fail(err, HANDOFF_ERR_ENCODING, "libqrencode refused the text");
		goto out;
	}
	code = QRcode_encodeInput(in);
	if (!code) {
		if (errno == ENOMEM)
			abort();
		st = handoff_fail(err, HANDOFF_ERR_TOO_LARGE, "the text does not fit a QR code");
		goto out;
	}
	handoff_qr *q = eng_xmalloc(sizeof *q);
	q->version = code->version;
	q->width = code->width;
	q->modules = eng_xmalloc((size_t)code->width * (size_t)code->width);
	for (size_t i = 0; i < (size_t)code->width * (size_t)code->width; i++)
		q->modules[i] = code->data[i] & 1;
	*out = q;
out:
	if (code)
		QRcode_free(code);
	QRinput_free(in);
	return st;
}

void
handoff_qr_free(handoff_qr *q)
{
	if (!q)
		return;
	free(q->modules);
	free(q);
}
