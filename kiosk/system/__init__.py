"""The operating system's services, no widgets: settings, bundled files, safe writes, autostart,
the watchdog, display blanking, image checks and the content file's watcher and cache."""
