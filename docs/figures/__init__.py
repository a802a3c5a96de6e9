"""The site's figures: one script per figure (or family of figures), drawn at build time.

See README.md in this folder for how to write one; nnlib/tools/site/figures.py runs them.
"""
