package main

import (
	"bytes"
	"strings"

	"golang.org/x/net/html/charset"
)

// toUTF8 decodes a saved page by its BOM or <meta charset>, the way a
// browser would without response headers.
func toUTF8(body []byte) []byte {
	enc, name, _ := charset.DetermineEncoding(body, "text/html")
	if name == "utf-8" {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return []byte(strings.ToValidUTF8(string(body), "\uFFFD"))
	}
	return out
}
