global using Kiln.Runner;
