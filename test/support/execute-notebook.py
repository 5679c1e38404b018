"""Executes a notebook with nbclient and writes it with its outputs.

nbconvert's ExecutePreprocessor takes a cell's execution count only from the kernel's iopub
messages, and the tslab kernel (1.0) publishes none (no execute_input, last values printed as
stdout), so its exports show empty prompts. nbclient's NotebookClient.execute numbers the cells
itself, as a front end does from the execute replies: the executed notebook then shows In [1], [2]...

usage: execute-notebook.py NOTEBOOK OUT KERNEL_NAME CELL_TIMEOUT_S WORKING_DIR
Errors in cells do not stop execution (tslab reports them on the cell's stderr, which the tests read).
"""
import sys

import nbformat
from nbclient import NotebookClient

source, target, kernel, timeout, cwd = sys.argv[1:6]
nb = nbformat.read(source, as_version=4)
NotebookClient(nb, kernel_name=kernel, timeout=int(timeout), allow_errors=True, resources={"metadata": {"path": cwd}}).execute()
nbformat.write(nb, target)
