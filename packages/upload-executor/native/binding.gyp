{
  "targets": [
    {
      "target_name": "direct_upload_midstate",
      "sources": ["src/midstate.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Werror"],
      "ldflags": ["-Wl,-z,now"]
    }
  ]
}
