from setuptools import Extension, setup

setup(ext_modules=[Extension("cmt_textpass", ["textpass.c"], extra_compile_args=["-O2"])])
