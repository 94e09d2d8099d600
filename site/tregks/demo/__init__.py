"""The bilingual demo site: its texts as data (data/*.yaml) and the builder that reads them.

`manage.py load_demo` runs `tregks.demo.build.build_demo`; see docs/engineering.md,
"Demo content".
"""
