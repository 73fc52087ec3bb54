{
  "targets": [
    {
      "target_name": "xsd_native",
      "sources": ["xsd-native.c", "simple-xpath.c"],
      "include_dirs": ["/usr/include/libxml2"],
      "libraries": ["-lxml2"],
      "cflags": ["-std=gnu11", "-O2", "-Wall", "-Wno-unused-parameter"]
    }
  ]
}
