import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
extensions = ["sphinx_awards", "words_builder"]
exclude_patterns = ["_build"]
project = "custom builder"
show_warning_types = True
