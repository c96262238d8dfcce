"""A tiny PDF writer for generated worksheets (demo content, tests): one A4 page of text lines.

Generating the file in code keeps binary blobs out of the repository. Text uses the standard
Helvetica font with WinAnsi encoding, which covers Dutch accents (é, ë, ‘ ’).
"""


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """One A4 page: ``title`` in 18 pt, then ``lines`` in 12 pt (an empty line leaves space)."""
    ops = [b"BT /F1 18 Tf 56 780 Td (" + _escape(title) + b") Tj ET"]
    y = 740
    for line in lines:
        if line:
            ops.append(b"BT /F1 12 Tf 56 %d Td (" % y + _escape(line) + b") Tj ET")
        y -= 22
    stream = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
