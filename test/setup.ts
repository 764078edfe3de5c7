// type-graphql reads decorator metadata through the Reflect API polyfill.
import 'reflect-metadata';
