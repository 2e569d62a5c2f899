"""QR code capacity at error correction level M, for the size benchmark
(tests/bench/household_sizes.sh) and the size targets
(tests/integration/household_codes.sh): one table, read by both.

Byte mode and alphanumeric mode, versions 1-40: ISO/IEC 18004:2015, Table 7
(number of symbol characters and input data capacity). Each byte-mode entry
is floor((8 * data codewords - 4 - count bits) / 8) with the data codewords
of Table 9 and an 8-bit character count up to version 9, 16-bit from 10.
"""

BYTE_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412,
          450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190,
          1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331]
ALNUM_M = [20, 38, 61, 90, 122, 154, 178, 221, 262, 311, 366, 419, 483, 528, 600,
           656, 734, 816, 909, 970, 1035, 1134, 1248, 1326, 1451, 1542, 1637, 1732,
           1839, 1994, 2113, 2238, 2369, 2506, 2632, 2780, 2894, 3054, 3220, 3391]


def version(table, n):
    """The smallest version holding n units of the table's mode, or None."""
    return next((v for v, cap in enumerate(table, 1) if n <= cap), None)


def modules(v):
    return 17 + 4 * v


def naive_area(nbytes):
    """The area of nbytes of UTF-8 in byte mode: one code, or, too long for
    one version 40 code, as many of them as it needs (a lower bound:
    structured append costs header bytes)."""
    v = version(BYTE_M, nbytes)
    return modules(v) ** 2 if v else -(-nbytes // BYTE_M[-1]) * modules(40) ** 2
