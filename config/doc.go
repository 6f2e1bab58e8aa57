// Package config loads trialwatch's YAML configuration: where the database
// lives, how to identify the crawler, which networks it may reach, and the
// sources to watch. Everything is validated when loaded; every error names
// the file and line. A default configuration is embedded in the binary.
package config
