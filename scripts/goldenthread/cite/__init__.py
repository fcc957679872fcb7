"""Citations and references in APA 7th edition, shared by the site and the PDF."""
