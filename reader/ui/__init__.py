"""The Textual interface: the only part of the program that imports Textual."""
