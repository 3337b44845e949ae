#!/usr/bin/env python3
"""Which Python runs the cross-check, on what: one JSON line for the report's header.

    {"python": "CPython 3.11.7", "platform": "Linux-6.18-x86_64-with-glibc2.36", "cpus": 2,
     "start_method": "fork"}
"""
import json
import multiprocessing
import os
import platform

if __name__ == "__main__":
    print(json.dumps({"python": "%s %s" % (platform.python_implementation(), platform.python_version()),
                      "platform": platform.platform(), "cpus": os.cpu_count(),
                      "start_method": multiprocessing.get_start_method()}))
