"""The annual action-research publication: entries -> data -> a fixed Typst template -> PDF."""
