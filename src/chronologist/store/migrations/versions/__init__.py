"""Migration scripts, oldest first (``NNNN_name.py``)."""
