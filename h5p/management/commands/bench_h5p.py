"""``manage.py bench_h5p``: import a ~20 MB, 500-file package built in code; print time and memory.

Runs inside a transaction that is rolled back, and removes the extracted files afterwards,
so it leaves nothing behind.
"""

import os
import resource
import shutil
import tempfile
import time
import tracemalloc

from django.core.management.base import BaseCommand
from django.db import transaction

from h5p.builder import build_package
from h5p.services import import_package
from h5p.storage import delete_tree, package_storage


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet de import van een H5P-pakket van ca. 20 MB met 500 bestanden."

    def add_arguments(self, parser):
        parser.add_argument("--files", type=int, default=500)
        parser.add_argument("--megabytes", type=float, default=20)

    def handle(self, *args, files, megabytes, **options):
        per_file = int(megabytes * 1024 * 1024 / files)
        workdir = tempfile.mkdtemp(prefix="bench-h5p-")
        path = os.path.join(workdir, "bench.h5p")
        # Incompressible media (as real images/audio are), one deterministic block per file.
        extra = [(f"content/images/beeld-{i:04d}.png", os.urandom(per_file)) for i in range(files - 5)]
        with open(path, "wb") as fh:
            build_package(title="Benchmark", extra_files=extra, target=fh)
        del extra
        size = os.path.getsize(path)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        started = time.perf_counter()
        try:
            with transaction.atomic():
                package = import_package(path, filename="bench.h5p", title="Benchmark")
                elapsed = time.perf_counter() - started
                _, peak = tracemalloc.get_traced_memory()
                count, extracted = package.file_count, package.extracted_size
                delete_tree(package_storage(), package.token)
                raise Rollback
        except Rollback:
            pass
        finally:
            tracemalloc.stop()
            shutil.rmtree(workdir, ignore_errors=True)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.stdout.write(f"h5p import: {size / 1048576:.1f} MB .h5p, {count} bestanden, {extracted / 1048576:.1f} MB uitgepakt")
        self.stdout.write(f"h5p import: tijd {elapsed:.2f} s (eis: < 5 s)")
        self.stdout.write(f"h5p import: piekgeheugen Python (tracemalloc) {peak / 1048576:.2f} MB")
        self.stdout.write(f"h5p import: max RSS proces {rss_before / 1024:.0f} MB -> {rss_after / 1024:.0f} MB")
