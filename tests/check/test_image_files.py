"""Image files: what passes, and the plain-English reason for what does not."""

from __future__ import annotations

from goldenthread.check.image_files import image_file_problem

from ..publication.test_pdf import png_pixel


def code(name: str, content: bytes) -> str:
    found = image_file_problem(name, content)
    return found[0] if found else ""


SVG = b'<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"><text>online</text></svg>'


def test_whole_images_of_each_format_pass() -> None:
    assert image_file_problem("images/chart.png", png_pixel()) is None
    assert image_file_problem("images/plan.svg", SVG) is None
    assert image_file_problem("images/photo.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 100 + b"\xff\xd9") is None
    webp = b"RIFF" + (20).to_bytes(4, "little") + b"WEBPVP8 " + b"\x00" * 12
    assert image_file_problem("images/photo.webp", webp) is None


def test_a_renamed_photo_says_what_it_really_is() -> None:
    heic = b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32
    assert image_file_problem("images/photo.jpg", heic) == (
        "image-corrupt", "photo.jpg is named as JPEG but is a HEIC photo (as iPhones save them): "
                         "save or export it again as JPEG")
    code, message = image_file_problem("images/chart.png", b"\xff\xd8\xff\xe0\x00") or ("", "")
    assert (code, "but is a JPEG image" in message) == ("image-corrupt", True)


def test_a_cut_short_png_and_jpeg_are_found() -> None:
    assert code("images/chart.png", png_pixel()[:-12]) == "image-corrupt"
    assert code("images/p.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100) == "image-corrupt"


def test_active_svg_is_refused() -> None:
    for active in (b"<script>x()</script>", b'<a href="javascript:x()">a</a>', b"<foreignObject/>"):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + active + b"</svg>"
        assert code("images/d.svg", svg) == "image-unsafe"
    assert code("images/d.svg", b'<svg onload="x()"/>') == "image-unsafe"


def test_other_formats_and_large_files() -> None:
    assert code("images/a.gif", b"GIF89a") == "image-format"
    big = png_pixel()[:-12] + b"\x00" * (3 * 1024 * 1024) + png_pixel()[-12:]
    assert code("images/big.png", big) == "image-large"
