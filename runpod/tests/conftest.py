import os
import sys

# The scripts are run as plain files on the GPU machine (no package), so tests import them the same way.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
