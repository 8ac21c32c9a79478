#!/usr/bin/env python3
"""Serves a folder over HTTP on 127.0.0.1 (a free port) for the end-to-end scripts.

usage: serve-folder.py FOLDER PORT-FILE
Writes the port to PORT-FILE once listening; logs nothing; runs until killed.
"""
import functools
import http.server
import sys


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
with open(sys.argv[2], "w") as out:
    out.write(str(server.server_address[1]))
server.serve_forever()
