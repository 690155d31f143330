package main

import (
	"encoding/csv"
	"io"
	"os"
	"strings"
)

// readUCDP adds the UCDP actors that are not governments, with their
// original-language and English full names and later names as aliases.
func readUCDP(path string, set *entrySet) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	get := func(rec []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return ""
		}
		v := strings.TrimSpace(rec[i])
		if v == "n/a" || v == "0" {
			return ""
		}
		return v
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if get(rec, "Org") == "4" || get(rec, "Org") == "" {
			continue // governments: the countries cover them
		}
		name := get(rec, "NameData")
		aliases := []string{get(rec, "NameOrig"), get(rec, "NameOrigFull"), get(rec, "NameOrigFullEng"), get(rec, "NewNameFullEng")}
		for _, n := range strings.Split(get(rec, "NameChange")+","+get(rec, "NewName"), ",") {
			aliases = append(aliases, strings.TrimSpace(n))
		}
		set.add("GROUP", name, aliases...)
	}
}
