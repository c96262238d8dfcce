"""Short codes for carers: easy to read aloud and type, hard to guess.

The alphabet leaves out look-alikes (0/O, 1/I/L, 5/S, 2/Z, U/V). A groep code has 8 characters
from 25 (25**8, about 1.5e11 or 37 bits); entry is rate-limited per IP address (10 wrong codes per
15 minutes by default), so trying codes at random finds nothing in practice. A resume code has
10 characters (46 bits), so the two kinds never collide in length.
"""

import re
import secrets

ALPHABET = "346789ABCDEFGHJKMNPQRTWXY"
GROEP_CODE_LENGTH = 8
RESUME_CODE_LENGTH = 10


def generate(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise(raw: str) -> str:
    """Upper-case and drop spaces, dashes and dots, as people type or read codes differently."""
    return re.sub(r"[\s\-.]", "", (raw or "").upper())[:32]


def is_well_formed(code: str) -> bool:
    return len(code) in (GROEP_CODE_LENGTH, RESUME_CODE_LENGTH) and all(ch in ALPHABET for ch in code)


def display(code: str) -> str:
    """Group in halves for reading: ABCD-EFGH, ABCDE-FGHJK."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if code else ""
